using ClaimTracker.Server.Features.Api;
using ClaimTracker.Server.Features.ClaimMatching;
using ClaimTracker.Server.Hosting;
using ClaimTracker.Server.Infrastructure;
using ClaimTracker.Server.Live;
using ClaimTracker.Server.Status;
using JasperFx;
using Wolverine;
using Wolverine.Http;

// The dashboard ships beside the binary: `dotnet run` keeps the caller's folder as the content root, so a
// relative wwwroot would not be found (see RunWorkingDirectory in the project file).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
// Quiet defaults for the framework's per-request Information lines (a dozen per request cost more than the request
// itself); the lowest-priority source, so appsettings, environment (Logging__LogLevel__...) and --args still win.
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:Wolverine"] = "Warning",
        // Its start-up warning that unparseable query values bind as null: QueryChecks answers those with a 400.
        ["Logging:LogLevel:Wolverine.Http.HttpGraph"] = "Error",
        ["Logging:LogLevel:Marten"] = "Warning",
        ["Logging:LogLevel:JasperFx"] = "Warning",
    },
});
if (PostgresPreflight.Problem(args, builder.Configuration) is { } problem)
{
    Console.Error.WriteLine(problem);            // one line, no stack trace: see Hosting/PostgresPreflight.cs
    return 2;
}
if (ListenPreflight.Problem(args, builder.Configuration) is { } busy)
{
    Console.Error.WriteLine(busy);               // one line, before the database starts: see Hosting/ListenPreflight.cs
    return 2;
}
CommandLine.QuietCommandDiscovery();
if (CommandLine.PrintsData(args))
{
    // `extract` writes JSON lines to stdout: keep start-up logging off it (and quiet) so output can be piped
    builder.Logging.ClearProviders();
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Logging.SetMinimumLevel(LogLevel.Error);
    // JasperFx's own chatter ("Searching ... for commands") goes through Spectre's console: point it at stderr too
    Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(
        new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(new CommandLine.WithoutLeadingBlankLines(Console.Error)) });
}

builder.Services.AddClaimTrackerPostgres();      // external if configured, else our own cluster, started lazily
builder.Services.AddClaimTrackerEventStore();    // Marten: see Infrastructure/EventStoreSetup.cs
builder.Host.UseWolverine(opts =>
{
    // test hosts and benchmarks load us from another entry assembly: scan this one for handlers/endpoints
    opts.ApplicationAssembly = typeof(Program).Assembly;
    opts.Policies.AutoApplyTransactions();
    // one server process per database: no node registry, leader election or agent polling (saves ~1-2 s at start)
    opts.Durability.Mode = DurabilityMode.Solo;
});
builder.Services.AddWolverineHttp();
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();
builder.Logging.QuietUnreadableBodies();          // a client's bad JSON is its 400, not a server error
builder.Services.AddClaimTrackerApi(builder.Configuration);   // API keys, body limit, ingestion: Features/Api/ApiSetup.cs
builder.Services.AddClaimTrackerLive();          // SignalR hub + push pump: Live/LiveSetup.cs
builder.Services.AddClaimMatching();             // automatic claim linking: Features/ClaimMatching

var app = builder.Build();
app.BeginStartingPostgres(args);                 // overlap the cluster's start with the rest of start-up

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHeadAsGet();                              // HEAD on any read: Features/Api/HeadRequests.cs
app.UseRouting();                                // after it, so HEAD finds the GET endpoint
app.MapOpenApi();                                // /openapi/v1.json
app.MapHealth();                                 // /health
app.UseClaimTrackerApi();                        // /api/*: 413, 401/403, 409 as problem details
app.MapWolverineEndpoints();
app.MapClaimTrackerLive();                      // /hubs/live and the dashboard at /

return await app.RunJasperFxCommands(args);

public partial class Program;
