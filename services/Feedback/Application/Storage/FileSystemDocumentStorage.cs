using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Feedback.Application.Storage;

/// <summary>
/// Drafts as files under one directory (from configuration, one per environment). Staged uploads
/// live in <c>.staging/</c> beside the kept files and are moved into place on commit, which is
/// atomic on one file system.
/// </summary>
public sealed partial class FileSystemDocumentStorage : IDocumentStorage
{
    private const string StagingFolder = ".staging";
    private readonly string _root;

    public FileSystemDocumentStorage(IOptions<FeedbackOptions> options, IHostEnvironment environment)
    {
        _root = Path.GetFullPath(options.Value.Storage.DirectoryFor(environment));
        Directory.CreateDirectory(Path.Combine(_root, StagingFolder));
    }

    public Task<IStagedFile> StageAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(_root, StagingFolder, Guid.NewGuid().ToString("N") + ".part");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 81920, FileOptions.Asynchronous);
        return Task.FromResult<IStagedFile>(new StagedFile(this, path, stream));
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Stored file '{key}' is missing.", key);
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    // Keys are chosen by the service (ids and slashes); anything else is a programming error.
    private string PathOf(string key)
    {
        if (!SafeKey().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a valid storage key.", nameof(key));
        }

        return Path.Combine(_root, key);
    }

    [GeneratedRegex("^[a-z0-9]+(/[a-z0-9]+)*$")]
    private static partial Regex SafeKey();

    private sealed class StagedFile(FileSystemDocumentStorage storage, string path, FileStream stream) : IStagedFile
    {
        private bool _committed;

        public Stream Content => stream;

        public Stream OpenRead()
        {
            stream.Flush();
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920);
        }

        public async Task CommitAsync(string key, CancellationToken cancellationToken)
        {
            await stream.FlushAsync(cancellationToken);
            await stream.DisposeAsync();
            var target = storage.PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(path, target);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!_committed)
            {
                File.Delete(path);
            }
        }
    }
}
