[assembly: AssemblyFixture(typeof(TestServersCleanup))]
