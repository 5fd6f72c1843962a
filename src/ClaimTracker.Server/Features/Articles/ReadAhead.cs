using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ClaimTracker.Server.Features.Articles;

/// <summary>
/// Runs a batch source (reading and extraction: CPU in this process) on a task of its own, one batch ahead of the
/// consumer (storing: mostly PostgreSQL's CPU), so on two cores the slower of the two sets the pace instead of their
/// sum. Used by the <c>ingest</c> command and by <c>bench-core</c>, which measures that same pipeline. An exception of
/// the source surfaces in the consumer's loop; leaving the loop early stops the source.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IEnumerable<T> source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ahead = Channel.CreateBounded<T>(1);
        var reading = Task.Run(async () =>
        {
            try
            {
                foreach (var item in source) await ahead.Writer.WriteAsync(item, stop.Token);
                ahead.Writer.Complete();
            }
            catch (Exception e) { ahead.Writer.TryComplete(e); }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in ahead.Reader.ReadAllAsync(ct)) yield return item;
        }
        finally
        {
            stop.Cancel();
            await reading;   // never throws: the reading task completes the channel with its exception instead
        }
    }
}
