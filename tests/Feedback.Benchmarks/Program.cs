using BenchmarkDotNet.Running;
using KollegialtUtbyte.Feedback.Benchmarks;

// dotnet run -c Release --project tests/Feedback.Benchmarks -- --filter '*'
// (add --job short for a quick look).
BenchmarkSwitcher.FromAssembly(typeof(ReviewerAssignmentBenchmarks).Assembly).Run(args);
