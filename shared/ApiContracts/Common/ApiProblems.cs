using System.Net.Http.Json;
using System.Text.Json;

namespace KollegialtUtbyte.ApiContracts;

/// <summary>Reads a service's problem details (RFC 9457, with <c>errors</c> per field and the <c>rule</c> broken).</summary>
public static class ApiProblems
{
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (json.TryGetProperty("errors", out var fieldErrors) && fieldErrors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fieldErrors.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
                        : [field.Value.ToString()];
                }
            }

            return new ApiProblem(status, Text(json, "title") ?? response.ReasonPhrase ?? "", Text(json, "detail"), errors, Text(json, "rule"));
        }
        catch (JsonException)
        {
            return new ApiProblem(status, response.ReasonPhrase ?? "", null, new Dictionary<string, string[]>(), null);
        }
    }

    private static string? Text(JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
