using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>Bodies flow through the gateway as they come, within limits, and a caller who leaves takes the call with them.</summary>
public sealed class StreamingTests(EchoBehindGateway echo) : IClassFixture<EchoBehindGateway>
{
    private const int Megabyte = 1024 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_25_MB_upload_reaches_the_destination_while_the_client_is_still_sending(bool announceLength)
    {
        var id = Guid.NewGuid().ToString("N");
        var upstreamHasFirstMegabyte = echo.Signal($"{id}:upstream-has-first-megabyte").Task;
        using var content = new GatedUploadContent(25 * Megabyte, 2 * Megabyte, upstreamHasFirstMegabyte, announceLength);
        using var client = echo.Client();

        using var response = await client.PostAsync($"/api/regions/upload/{id}", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upload = await response.Content.ReadFromJsonAsync<Upload>(JsonSerializerOptions.Web, TestContext.Current.CancellationToken);
        Assert.Equal(25L * Megabyte, upload!.Bytes);
        Assert.Equal(content.Sha256, upload.Sha256);
    }

    [Fact]
    public async Task A_25_MB_download_reaches_the_client_while_the_destination_is_still_sending()
    {
        var id = Guid.NewGuid().ToString("N");
        using var client = echo.Client();

        using var response = await client.GetAsync($"/api/regions/download/{id}/25", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[64 * 1024];
        long received = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            received += read;
            if (received >= Megabyte)
            {
                // The destination sends the rest only after this.
                echo.Signal($"{id}:client-has-first-megabyte").TrySetResult();
            }
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25L * Megabyte, received);
    }

    [Fact]
    public async Task A_body_announced_larger_than_the_destination_takes_is_refused_before_it_is_sent()
    {
        var id = Guid.NewGuid().ToString("N");
        using var client = echo.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feedback/upload/{id}")
        {
            Content = new ByteArrayContent(new byte[EchoBehindGateway.SmallBodyLimit + 1]),
        };

        // As an uploading client should: the body goes out only after the server agrees.
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, echo.ArrivalsAt($"/api/feedback/upload/{id}"));
    }

    [Fact]
    public async Task A_chunked_body_that_grows_past_the_limit_is_cut_off_with_413()
    {
        var id = Guid.NewGuid().ToString("N");
        var token = echo.Issuer.CreateToken(Testing.TestUser.Administrator());

        // A raw connection: the whole request (64 KB over the limit) is written before the answer
        // is read, so the answer cannot be lost to a client still busy sending.
        using var connection = new TcpClient();
        await connection.ConnectAsync(echo.Gateway.Address.Host, echo.Gateway.Address.Port, TestContext.Current.CancellationToken);
        var stream = connection.GetStream();
        var head = $"POST /api/feedback/upload/{id} HTTP/1.1\r\nHost: {echo.Gateway.Address.Authority}\r\n"
            + $"Authorization: Bearer {token}\r\nTransfer-Encoding: chunked\r\n\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
            var chunk = new byte[64 * 1024];
            for (var sent = 0; sent <= EchoBehindGateway.SmallBodyLimit; sent += chunk.Length)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"), TestContext.Current.CancellationToken);
                await stream.WriteAsync(chunk, TestContext.Current.CancellationToken);
                await stream.WriteAsync("\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
        }
        catch (IOException)
        {
            // The gateway may answer and close before the last bytes are written; its answer is what counts.
        }

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("HTTP/1.1 413 ", statusLine);
        Assert.False(echo.Signal($"{id}:upload-complete").Task.IsCompleted);
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_the_call_to_the_destination()
    {
        var id = Guid.NewGuid().ToString("N");
        using var client = echo.Client();
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = client.GetAsync($"/api/regions/hang/{id}", leave.Token);
        await echo.Signal($"{id}:started").Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await leave.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await echo.Signal($"{id}:cancelled").Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
