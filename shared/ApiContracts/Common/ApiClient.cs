using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polly;

namespace KollegialtUtbyte.ApiContracts;

/// <summary>
/// The base of a service's typed client. The <see cref="HttpClient"/> it wraps carries what the
/// caller adds to every request (the access token, the language, resilience); the client turns
/// answers into values and problem details into <see cref="ApiProblem"/>.
/// </summary>
public abstract class ApiClient(HttpClient http)
{
    /// <summary>How the services write JSON: web defaults, enums as their names.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    protected Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) }, cancellationToken);

    protected Task<ApiResult<T>> PutAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: Json) }, cancellationToken);

    protected async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or ExecutionRejectedException)
            {
                // Unreachable, timed out or behind an open circuit: the page says the service is unavailable.
                return new ApiResult<T>(default, ApiProblem.Unavailable);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    // 204, or an answer such as 202 Accepted without a body: a success without a value.
                    var body = response.StatusCode == HttpStatusCode.NoContent ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    return new ApiResult<T>(body.Length == 0 ? default : JsonSerializer.Deserialize<T>(body, Json), null);
                }

                return new ApiResult<T>(default, await ApiProblems.ReadAsync(response, cancellationToken));
            }
        }
    }
}
