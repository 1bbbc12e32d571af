using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal static class AnswersPerService
{
    /// <summary>
    /// The answers every service gives to a personal data request (an export's parts, an erasure's
    /// confirmations): one row per service, keyed by the request and the service's name, kept in the
    /// request's private list <paramref name="field"/>.
    /// </summary>
    public static void OwnsOneAnswerPerService<TRequest, TAnswer>(
        this EntityTypeBuilder<TRequest> request, Expression<Func<TRequest, IEnumerable<TAnswer>?>> answers, string field, string table, string requestKey)
        where TRequest : class
        where TAnswer : class
    {
        request.OwnsMany(answers, answer =>
        {
            answer.ToTable(table);
            answer.WithOwner().HasForeignKey(requestKey);
            answer.HasKey(requestKey, "Service");
            answer.Property<string>("Service").HasMaxLength(64);
        });
        request.Navigation(answers).HasField(field).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
