using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace KollegialtUtbyte.ServiceDefaults.Http;

/// <summary>
/// Enums in the query and the route are accepted by their names only. The framework's binder uses
/// <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>, which also takes numbers ("9"), numbers no
/// member has, and comma lists; those are answered here with a 400 naming the parameter, before the
/// handler runs. JSON bodies get the same rule from the serializer options (no integer values).
/// </summary>
internal static class EnumNamesOnly
{
    private static readonly ConcurrentDictionary<Endpoint, EnumParameter[]> ParametersByEndpoint = new();

    public static IApplicationBuilder UseEnumNamesOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var parameters = endpoint is null ? [] : ParametersByEndpoint.GetOrAdd(endpoint, EnumParametersOf);
            Dictionary<string, string[]>? errors = null;
            foreach (var parameter in parameters)
            {
                foreach (var value in parameter.ValuesIn(context.Request))
                {
                    if (!string.IsNullOrEmpty(value) && !parameter.IsName(value))
                    {
                        errors ??= [];
                        errors[parameter.Name] = [$"'{value}' is not a value of '{parameter.Name}'. Allowed: {string.Join(", ", parameter.Names)}."];
                    }
                }
            }

            if (errors is null)
            {
                await next(context);
                return;
            }

            await TypedResults.ValidationProblem(errors).ExecuteAsync(context);
        });

    private static EnumParameter[] EnumParametersOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return [];
        }

        var routePattern = (endpoint as RouteEndpoint)?.RoutePattern;
        var found = new List<EnumParameter>();
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                var constructorParameters = parameter.ParameterType.GetConstructors().SingleOrDefault(c => c.GetParameters().Length > 0)?.GetParameters() ?? [];
                foreach (var member in constructorParameters)
                {
                    Add(member.Name!, member.ParameterType, member.GetCustomAttributes());
                }

                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                {
                    Add(property.Name, property.PropertyType, property.GetCustomAttributes());
                }
            }
            else
            {
                Add(parameter.Name!, parameter.ParameterType, parameter.GetCustomAttributes());
            }
        }

        return [.. found.DistinctBy(p => (p.Name, p.FromRoute))];

        void Add(string name, Type type, IEnumerable<Attribute> attributes)
        {
            var enumType = EnumTypeOf(type);
            var sources = attributes.ToList();
            if (enumType is null || sources.Any(a => a is IFromBodyMetadata or IFromServiceMetadata or IFromFormMetadata or IFromHeaderMetadata))
            {
                return;
            }

            var fromRoute = sources.OfType<IFromRouteMetadata>().FirstOrDefault();
            var fromQuery = sources.OfType<IFromQueryMetadata>().FirstOrDefault();
            var boundName = fromRoute?.Name ?? fromQuery?.Name ?? name;
            var isRouteValue = fromRoute is not null || (fromQuery is null && routePattern?.GetParameter(boundName) is not null);
            found.Add(new EnumParameter(boundName, isRouteValue, Enum.GetNames(enumType)));
        }
    }

    private static Type? EnumTypeOf(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsEnum ? element : null;
    }

    private sealed record EnumParameter(string Name, bool FromRoute, string[] Names)
    {
        public IEnumerable<string?> ValuesIn(HttpRequest request) => FromRoute
            ? [request.RouteValues.TryGetValue(Name, out var value) ? value?.ToString() : null]
            : request.Query[Name];

        public bool IsName(string value) => Names.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
    }
}
