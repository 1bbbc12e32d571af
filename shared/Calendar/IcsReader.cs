using System.Text;

namespace KollegialtUtbyte.Calendar;

/// <summary>A content line: name, parameters and the raw (still escaped) value.</summary>
public sealed record CalendarProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    /// <summary>The value of a TEXT property with its escapes undone.</summary>
    public string Text => IcsReader.UnescapeText(Value);
}

/// <summary>A component (VCALENDAR, VEVENT, VTIMEZONE, ...) with its properties and children.</summary>
public sealed class CalendarComponent(string name)
{
    public string Name { get; } = name;

    public List<CalendarProperty> Properties { get; } = [];

    public List<CalendarComponent> Children { get; } = [];

    public CalendarProperty? this[string property] => Properties.FirstOrDefault(p => p.Name == property);

    public IEnumerable<CalendarProperty> All(string property) => Properties.Where(p => p.Name == property);

    public IEnumerable<CalendarComponent> Descendants(string component) =>
        Children.Where(c => c.Name == component).Concat(Children.SelectMany(c => c.Descendants(component)));
}

/// <summary>
/// Reads iCalendar text strictly enough to check what the writer produced (and what a mail carries):
/// CRLF lines, unfolding, BEGIN/END nesting, parameters (quoted or not). Throws <see cref="FormatException"/> on violations.
/// </summary>
public static class IcsReader
{
    public static CalendarComponent Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal))
        {
            throw new FormatException("iCalendar lines must end with CRLF.");
        }

        var stack = new Stack<CalendarComponent>();
        CalendarComponent? root = null;
        foreach (var line in Unfold(text))
        {
            var property = ParseLine(line);
            if (property.Name == "BEGIN")
            {
                var component = new CalendarComponent(property.Value);
                if (stack.Count > 0)
                {
                    stack.Peek().Children.Add(component);
                }
                else if (root is null)
                {
                    root = component;
                }
                else
                {
                    throw new FormatException("More than one top-level component.");
                }

                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                if (stack.Count == 0 || stack.Pop().Name != property.Value)
                {
                    throw new FormatException($"END:{property.Value} does not close the open component.");
                }
            }
            else
            {
                if (stack.Count == 0)
                {
                    throw new FormatException($"Property {property.Name} outside of any component.");
                }

                stack.Peek().Properties.Add(property);
            }
        }

        if (root is null || stack.Count != 0)
        {
            throw new FormatException("The calendar is empty or not closed.");
        }

        return root;
    }

    public static string UnescapeText(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                builder.Append(value[i] is 'n' or 'N' ? '\n' : value[i]);
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Unfold(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.Split("\r\n"))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t'))
            {
                current.Append(raw, 1, raw.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }

            current.Clear().Append(raw);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static CalendarProperty ParseLine(string line)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        var name = ReadUntil(line, ref i, ';', ':');
        while (i < line.Length && line[i] == ';')
        {
            i++;
            var key = ReadUntil(line, ref i, '=');
            i++;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"Unclosed quote in: {line}");
                }

                value = line[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                value = ReadUntil(line, ref i, ';', ':');
            }

            parameters[key] = value;
        }

        if (i >= line.Length || line[i] != ':' || name.Length == 0)
        {
            throw new FormatException($"Not a content line: {line}");
        }

        return new CalendarProperty(name.ToUpperInvariant(), parameters, line[(i + 1)..]);
    }

    private static string ReadUntil(string line, ref int i, params char[] stops)
    {
        var start = i;
        while (i < line.Length && Array.IndexOf(stops, line[i]) < 0)
        {
            i++;
        }

        return line[start..i];
    }
}
