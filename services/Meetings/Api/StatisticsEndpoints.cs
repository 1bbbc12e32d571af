using System.Globalization;
using CsvHelper;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>Attendance statistics per meeting, region (or organisation, for those without one), role and gender, aggregated and suppressed below three people.</summary>
public static class StatisticsEndpoints
{
    public const string Suppressed = "..";

    private const string CsvContentType = "text/csv; charset=utf-8";

    public static void MapStatistics(this IEndpointRouteBuilder api)
    {
        api.MapGet(MeetingsRoutes.Statistics, async (Guid programmeId, MeetingsDb db, CancellationToken ct) => TypedResults.Ok(await ReportAsync(db, programmeId, ct)))
            .WithTags("Statistics").RequireAuthorization(Policies.Facilitator).ProducesProblems(404);
        api.MapGet(MeetingsRoutes.StatisticsCsv, CsvAsync).WithTags("Statistics").RequireAuthorization(Policies.Facilitator)
            .Produces<Stream>(StatusCodes.Status200OK, CsvContentType).ProducesProblems(404);
    }

    private static async Task<AttendanceStatisticsReport> ReportAsync(MeetingsDb db, Guid programmeId, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        var meetings = (await db.Meetings.AsNoTracking().Where(m => m.ProgrammeId == programmeId && m.AttendanceRecordedAt != null).ToListAsync(ct))
            .Select(m => new MeetingFacts(m.Id, m.Number, m.Title, m.StartsAt.InZone(programme.Zone)))
            .ToList();
        var meetingIds = meetings.Select(m => m.MeetingId).ToList();
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var facts = await AttendanceFacts.LoadAsync(db, meetingIds, regions, ct);
        return AttendanceStatistics.Build(meetings, facts);
    }

    /// <summary>
    /// One line per meeting and group, then the programme's totals; ".." marks a suppressed count,
    /// as in official Swedish statistics. Semicolons and a byte order mark are what Excel with
    /// Swedish settings opens correctly; cells that could start a formula are escaped.
    /// </summary>
    private static async Task<FileContentHttpResult> CsvAsync(Guid programmeId, MeetingsDb db, CancellationToken ct)
    {
        var report = await ReportAsync(db, programmeId, ct);
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape, NewLine = "\r\n" }, true))
        {
            csv.WriteHeader(["Träff", "Datum", "Dimension", "Grupp", "Personer", "Närvarotillfällen"]);
            foreach (var meeting in report.Meetings)
            {
                var number = meeting.Number.ToString(CultureInfo.InvariantCulture);
                var date = meeting.StartsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var (dimension, cells) in new[] { ("Närvaro", meeting.ByStatus), ("Region", meeting.PresentByRegion), ("Roll", meeting.PresentByRole), ("Kön", meeting.PresentByGender), ("Organisation", meeting.PresentByOrganisation ?? []) })
                {
                    foreach (var cell in cells)
                    {
                        csv.WriteRecord([number, date, dimension, cell.Group, Count(cell.Count), ""]);
                    }
                }
            }

            foreach (var cell in report.Programme)
            {
                csv.WriteRecord(["Alla", "", cell.Dimension, cell.Group, Count(cell.People), Count(cell.Attendances)]);
            }
        }

        return TypedResults.File(buffer.ToArray(), CsvContentType, "narvarostatistik.csv");
    }

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? Suppressed;
}
