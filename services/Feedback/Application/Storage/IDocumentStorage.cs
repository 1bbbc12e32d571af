namespace KollegialtUtbyte.Feedback.Application.Storage;

/// <summary>
/// Where uploaded drafts are kept. An upload is first written to a staging area while it is
/// checked; only a committed file is kept, under a key the service chooses (never the client's
/// file name). Implementations: <see cref="FileSystemDocumentStorage"/>; an object store would
/// be another.
/// </summary>
public interface IDocumentStorage
{
    /// <summary>A staged file to stream an upload into. Disposing it without committing removes it.</summary>
    Task<IStagedFile> StageAsync(CancellationToken cancellationToken);

    /// <summary>Opens a committed file for streaming to a client.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

public interface IStagedFile : IAsyncDisposable
{
    /// <summary>Write the upload here.</summary>
    Stream Content { get; }

    /// <summary>Reads back what was written (seekable), e.g. to look inside a ZIP container.</summary>
    Stream OpenRead();

    /// <summary>Keeps the file under <paramref name="key"/>.</summary>
    Task CommitAsync(string key, CancellationToken cancellationToken);
}
