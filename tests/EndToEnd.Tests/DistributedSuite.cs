using KollegialtUtbyte.Testing.Distributed;

namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>The distributed mode on the test run's shared RabbitMQ and PostgreSQL, started once for the end-to-end tests.</summary>
public sealed class DistributedSuite : DistributedSystem;
