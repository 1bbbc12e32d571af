using System.Collections.Concurrent;

namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>How one request of the campaign ended.</summary>
public enum Outcome
{
    /// <summary>2xx.</summary>
    Succeeded,

    /// <summary>409: another client changed the same thing first (a stale version); nothing changed.</summary>
    Conflict,

    /// <summary>502, 503 or 504 with problem details: the suite said it could not serve the request now.</summary>
    Unavailable,

    /// <summary>No answer at all: the connection was refused or cut (the gateway was down).</summary>
    NoAnswer,

    /// <summary>Anything else: a defect.</summary>
    Unexpected,
}

public sealed record RequestRecord(string Operation, string Step, int? Status, Outcome Outcome, DateTimeOffset Started, DateTimeOffset Ended, string Detail)
{
    /// <summary>Whether the request's outcome is unknown: it may or may not have taken effect.</summary>
    public bool Uncertain => Outcome is Outcome.Unavailable or Outcome.NoAnswer;
}

/// <summary>A fault the script injected, from the moment it began until what failed was back.</summary>
public sealed record FaultWindow(string Fault, DateTimeOffset Started, DateTimeOffset Recovered);

/// <summary>What the campaign did and what it expects to find afterwards.</summary>
public sealed class Ledger
{
    private int _operations;
    private int _business;
    private int _allowed;

    public ConcurrentQueue<RequestRecord> Requests { get; } = new();

    public ConcurrentQueue<FaultWindow> Faults { get; } = new();

    /// <summary>Operations finished (whatever their outcome), the fault script's clock.</summary>
    public int Operations => Volatile.Read(ref _operations);

    /// <summary>Operations per type and how they ended.</summary>
    public ConcurrentDictionary<(string Operation, Outcome Outcome), int> OperationOutcomes { get; } = new();

    /// <summary>People registered with a 2xx (id → e-mail address).</summary>
    public ConcurrentDictionary<Guid, string> Registered { get; } = new();

    /// <summary>People whose joining a team got a 2xx.</summary>
    public ConcurrentDictionary<Guid, Guid> Joined { get; } = new();

    /// <summary>Per meeting: reschedules answered 2xx, and those whose outcome is unknown.</summary>
    public ConcurrentDictionary<Guid, (int Succeeded, int Uncertain)> Reschedules { get; } = new();

    /// <summary>Per invitation, every answer sent in order, and whether it got a 2xx.</summary>
    public ConcurrentDictionary<Guid, ConcurrentQueue<(string Answer, bool Succeeded)>> Answers { get; } = new();

    /// <summary>Feedback rounds opened with a 2xx: round → (document title, author region, reviewer regions).</summary>
    public ConcurrentDictionary<Guid, (string Title, Guid AuthorRegion, IReadOnlyList<Guid> Reviewers)> Rounds { get; } = new();

    /// <summary>Feedback a reviewer region started on a round (claimed so one client writes it), and whether its submission got a 2xx.</summary>
    public ConcurrentDictionary<(Guid Round, Guid Region), bool> Feedback { get; } = new();

    /// <summary>Business operations begun (the fault script's clock).</summary>
    public int Business => Volatile.Read(ref _business);

    /// <summary>Lets the clients begin business operations up to <paramref name="count"/> in all.</summary>
    public void AllowBusiness(int count) => Volatile.Write(ref _allowed, count);

    /// <summary>Begins one business operation if the fault script allows one more now; false when the clients should read instead.</summary>
    public bool TryBeginBusiness()
    {
        while (true)
        {
            var begun = Volatile.Read(ref _business);
            if (begun >= Volatile.Read(ref _allowed))
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _business, begun + 1, begun) == begun)
            {
                return true;
            }
        }
    }

    public void Finished(string operation, Outcome outcome)
    {
        Interlocked.Increment(ref _operations);
        OperationOutcomes.AddOrUpdate((operation, outcome), 1, (_, n) => n + 1);
    }
}
