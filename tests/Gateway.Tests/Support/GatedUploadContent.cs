using System.Security.Cryptography;

namespace KollegialtUtbyte.Gateway.Tests.Support;

/// <summary>
/// A request body of <paramref name="size"/> pseudo-random bytes that stops after its first
/// <paramref name="sendBeforeGate"/> bytes until <paramref name="gate"/> opens. A gateway that
/// buffered the whole body before forwarding it would never let the upstream see those first
/// bytes, so the gate would never open and the upload would fail.
/// </summary>
public sealed class GatedUploadContent(long size, long sendBeforeGate, Task gate, bool announceLength) : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    public string Sha256 { get; private set; } = "";

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var random = new Random(4711);
        var chunk = new byte[ChunkSize];
        long sent = 0;
        var gatePassed = false;
        while (sent < size)
        {
            var length = (int)Math.Min(ChunkSize, size - sent);
            random.NextBytes(chunk.AsSpan(0, length));
            hash.AppendData(chunk, 0, length);
            await stream.WriteAsync(chunk.AsMemory(0, length));
            sent += length;
            if (!gatePassed && sent >= sendBeforeGate)
            {
                await stream.FlushAsync();
                await gate.WaitAsync(TimeSpan.FromSeconds(20));
                gatePassed = true;
            }
        }

        Sha256 = Convert.ToHexString(hash.GetHashAndReset());
    }

    protected override bool TryComputeLength(out long length)
    {
        length = size;
        return announceLength;
    }
}
