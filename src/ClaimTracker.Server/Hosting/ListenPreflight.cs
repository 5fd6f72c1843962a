using System.Net;
using System.Net.Sockets;

namespace ClaimTracker.Server.Hosting;

/// <summary>
/// Checks, before anything starts, that the addresses the server is to listen on are free. Kestrel finds out only
/// after the database is up, then logs "Hosting failed to start" and JasperFx prints the exception: about forty lines
/// of stack trace for "another server already runs on that port".
/// </summary>
public static class ListenPreflight
{
    public const string DefaultUrls = "http://localhost:5000";

    public static string? Problem(string[] args, IConfiguration config)
    {
        if (!(args.Length == 0 || args[0].StartsWith('-') || args[0].Equals("run", StringComparison.OrdinalIgnoreCase))) return null;
        // Test hosts (Alba, WebApplicationFactory) run this program inside theirs on an in-memory server: no port.
        if (System.Reflection.Assembly.GetEntryAssembly() != typeof(ListenPreflight).Assembly) return null;
        var urls = config["urls"] is { Length: > 0 } configured ? configured : DefaultUrls;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (Endpoint(url) is { } endpoint && InUse(endpoint))
                return $"ClaimTracker cannot listen on {url}: port {endpoint.Port} is already in use (another ClaimTracker running?). " +
                       "Stop it, or choose another address with ASPNETCORE_URLS or --urls (e.g. --urls=http://localhost:5001).";
        return null;
    }

    /// <summary>The local endpoint a URL binds, for the hosts we can check (loopback, any, an IP); null otherwise.</summary>
    private static IPEndPoint? Endpoint(string url)
    {
        // "+" and "*" are Kestrel's wildcards, which Uri cannot parse.
        var parsable = url.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0");
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Port <= 0) return null;
        if (uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns) return new IPEndPoint(IPAddress.Loopback, uri.Port);   // localhost
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? new IPEndPoint(ip, uri.Port) : null;
    }

    private static bool InUse(IPEndPoint endpoint)
    {
        try
        {
            var probe = new TcpListener(endpoint);
            probe.Start();
            probe.Stop();
            return false;
        }
        catch (SocketException e) { return e.SocketErrorCode == SocketError.AddressAlreadyInUse; }
    }
}
