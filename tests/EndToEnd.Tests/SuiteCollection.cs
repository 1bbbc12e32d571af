namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>The test classes that share one distributed suite (started once, tests run one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<DistributedSuite>
{
    public const string Name = "distributed suite";
}
