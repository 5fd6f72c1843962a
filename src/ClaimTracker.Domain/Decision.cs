namespace ClaimTracker.Domain;

public enum ErrorKind
{
    /// <summary>The command itself is malformed (HTTP 400).</summary>
    Invalid,
    /// <summary>Something the command refers to does not exist (HTTP 404).</summary>
    NotFound,
    /// <summary>The command is well formed but clashes with the current state (HTTP 409).</summary>
    Conflict,
}

/// <summary>Why a command was refused, in words an editor can act on.</summary>
public sealed record DomainError(ErrorKind Kind, string Code, string Message)
{
    public static DomainError Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);
    public static DomainError NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);
    public static DomainError Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);
}

/// <summary>
/// The outcome of a pure decision: either the events to append (possibly none, e.g. a duplicate ingest) or an error.
/// </summary>
public sealed record Decision
{
    public IReadOnlyList<object> Events { get; private init; } = [];
    public DomainError? Error { get; private init; }
    public bool Succeeded => Error is null;

    public static Decision Append(params object[] events) => new() { Events = events };
    public static Decision Append(IEnumerable<object> events) => new() { Events = events.ToArray() };
    public static Decision Nothing { get; } = new();
    public static Decision Fail(DomainError error) => new() { Error = error };

    public static implicit operator Decision(DomainError error) => Fail(error);
}
