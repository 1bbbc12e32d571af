using System.Buffers;
using System.Net;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// The client's request body passed to the destination as it arrives, a buffer at a time, never
/// held whole. It remembers whether sending began (a request whose body is on its way cannot be
/// retried) and whether reading from the client failed (that is the client's fault, not the destination's).
/// </summary>
internal sealed class StreamingRequestContent(Stream clientBody) : HttpContent
{
    private const int BufferSize = 64 * 1024;

    public bool Started { get; private set; }

    /// <summary>Why reading the client's body failed (too large, cut off), if it did.</summary>
    public Exception? ClientFailure { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // What was read from the client is gone: a second send would pass on a truncated body.
        if (Started)
        {
            throw new InvalidOperationException("The client's request body has already been sent once and cannot be sent again.");
        }

        Started = true;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await clientBody.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    ClientFailure = exception;
                    throw;
                }

                if (read == 0)
                {
                    return;
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The length, when known, comes from the client's Content-Length header; otherwise it is sent chunked.
    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        throw new NotSupportedException("A forwarded body is streamed to the destination, never read back.");
}
