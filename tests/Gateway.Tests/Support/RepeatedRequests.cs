namespace KollegialtUtbyte.Gateway.Tests.Support;

/// <summary>Requests in a row that must each get the same answer: a budget spent, a circuit tripped, replicas taken in turn.</summary>
public static class RepeatedRequests
{
    public static async Task GetEachAnsweredAsync(this HttpClient client, string path, int times, HttpStatusCode expected)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(expected, response.StatusCode);
        }
    }
}
