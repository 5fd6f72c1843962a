using System.Text.Json;
using ClaimTracker.Server.Live;

namespace ClaimTracker.Server.Tests.Live;

/// <summary>MessagePack clients get `at` as the very string JSON clients get (the contract is one for both protocols).</summary>
public sealed class LiveTimeFormatTests
{
    [Theory]
    [InlineData(0L)]                 // no fraction at all
    [InlineData(4_042_750L)]         // microseconds: the seventh digit is 0
    [InlineData(4_000_000L)]         // trailing zeros
    [InlineData(1_234_567L)]         // all seven digits
    public void At_is_written_as_System_Text_Json_writes_it(long ticksIntoSecond)
    {
        foreach (var offset in new[] { TimeSpan.Zero, TimeSpan.FromHours(2), TimeSpan.FromMinutes(-330) })
        {
            var at = new DateTimeOffset(2026, 11, 26, 12, 13, 7, offset).AddTicks(ticksIntoSecond);
            Assert.Equal(JsonSerializer.SerializeToElement(at).GetString(), LiveUpdateFormatter.IsoTime(at));
        }
    }
}
