using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using KollegialtUtbyte.Gateway.Domain;

namespace KollegialtUtbyte.Gateway.Api;

/// <summary>A page listing the services' OpenAPI documents, each read through the gateway.</summary>
public static class ApiDocumentsEndpoints
{
    public static IEndpointRouteBuilder MapApiDocuments(this IEndpointRouteBuilder app, RouteTable routes)
    {
        var page = Render(routes.Routes.Where(r => r.OpenApiDocument is not null).OrderBy(r => r.PathPrefix, StringComparer.Ordinal).ToList());
        app.MapGet(RouteTable.DocumentsPage, () => Results.Content(page, "text/html; charset=utf-8")).AllowAnonymous();
        return app;
    }

    private static string Render(IReadOnlyList<GatewayRoute> documented)
    {
        var html = HtmlEncoder.Default;
        var items = new StringBuilder();
        foreach (var route in documented)
        {
            items.Append(CultureInfo.InvariantCulture,
                $"""      <li><a href="{html.Encode(route.OpenApiDocument!)}">{html.Encode(route.Destination.Name)}</a>: endpoints under <code>{html.Encode(route.PathPrefix)}</code></li>""");
            items.Append('\n');
        }

        return $"""
            <!DOCTYPE html>
            <html lang="sv">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>API-dokumentation – Kollegialt utbyte</title>
            </head>
            <body>
              <main>
                <h1>API-dokumentation</h1>
                <p>OpenAPI-dokument för tjänsterna bakom gatewayen (OpenAPI documents of the services behind the gateway).
                Anrop under <code>/api</code> kräver en åtkomsttoken i <code>Authorization: Bearer</code>.</p>
                <ul>
            {items}    </ul>
              </main>
            </body>
            </html>

            """;
    }
}
