using System.Net;
using System.Text;

namespace KollegialtUtbyte.Portal.Programme;

/// <summary>
/// A horizontal bar chart of one column of a report table as inline SVG, drawn on the server so it
/// needs no script. It is a picture of the table shown under it, which is its text alternative.
/// </summary>
public static class EffectsChart
{
    private const int Width = 640;
    private const int LabelWidth = 260;
    private const int BarHeight = 24;

    public static string Svg(ReportTable table, bool english = false)
    {
        var bars = table.Bars();
        var max = Math.Max(1, bars.Max(b => b.Value ?? 0));
        var height = (bars.Count * BarHeight) + 8;
        var titleId = $"{table.Id}-chart-title";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"{titleId}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<title id=\"{titleId}\">{Encode(english
                ? $"Chart: {table.Title}, {table.Columns[table.Chart!.ValueColumn].ToLowerInvariant()}. The table below has the same figures."
                : $"Diagram: {table.Title}, {table.Columns[table.Chart!.ValueColumn].ToLowerInvariant()}. Samma siffror finns i tabellen nedan.")}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = (i * BarHeight) + 4;
            var length = (Width - LabelWidth - 60) * (value ?? 0) / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"13\" fill=\"#1a1a1a\">{Encode(Short(label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length:0.#}\" height=\"{BarHeight - 8}\" fill=\"#1b6e4a\"></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + 15}\" font-size=\"13\" fill=\"#1a1a1a\">{Encode(value?.ToString(CultureInfo.InvariantCulture) ?? EffectsReport.Suppressed)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Short(string label) => label.Length <= 34 ? label : label[..33] + "…";
}
