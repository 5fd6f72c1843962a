using ClaimTracker.Extraction.Articles;
using System.IO.Compression;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>
/// What `extract` and `ingest` check about a path before reading it, so a wrong argument gets one line saying what
/// is wrong with it. Without these a folder was "no such file", a random binary file was stored as an article with
/// no statements, and a `.gz` that is not gzip said "The archive entry was compressed using an unsupported
/// compression method".
/// </summary>
public static class InputFiles
{
    public const string Formats = "seed-layout text, .jsonl or .csv, optionally .gz";
    private const int Sniff = 8192;

    /// <summary>Why the path cannot be read as articles, in a few words naming it; null when it looks readable.</summary>
    public static string? Problem(string path)
    {
        if (path == ArchiveReader.StandardInput) return null;   // standard input: read once, never sniffed here
        if (Directory.Exists(path)) return $"{path} is a folder, not a file (give the files in it, e.g. {Path.Combine(path, "*.jsonl")})";
        if (!File.Exists(path)) return $"no such file: {path}";
        try
        {
            using var file = File.OpenRead(path);
            // A pipe (/dev/stdin, a process substitution) can be read once only: sniffing it would eat its start.
            if (!file.CanSeek) return null;
            if (file.Length == 0) return $"{path} is empty";
            Span<byte> magic = stackalloc byte[2];
            var gz = ArchiveReader.IsGzip(magic[..file.ReadAtLeast(magic, 2, throwOnEndOfStream: false)]);   // as the reader decides
            if (ArchiveReader.NotGzipAsNamed(path, gz) is { } notGzip) return notGzip;
            file.Position = 0;
            using Stream content = gz ? new GZipStream(file, CompressionMode.Decompress) : file;
            var head = new byte[Sniff];
            var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (n == 0) return $"{path} is empty";
            // Text in any 8-bit encoding has no NUL bytes; binary files (images, executables, zip) nearly always do.
            // UTF-16 and UTF-32 text does too, but starts with a byte order mark, which the reader follows.
            var bom = n >= 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF) || n >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF;
            if (!bom && head.AsSpan(0, n).Contains((byte)0)) return $"{path} is not text ({Formats})";
            return null;
        }
        catch (InvalidDataException e) { return $"{path} is not valid gzip data ({e.Message})"; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"{path} cannot be read ({e.Message})"; }
    }
}
