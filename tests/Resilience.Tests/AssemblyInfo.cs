using KollegialtUtbyte.Testing;

[assembly: AssemblyFixture(typeof(TestServersCleanup))]
