using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// YARP drops the standard hop-by-hop headers; these transforms also drop the ones a client's or a
/// destination's <c>Connection</c> header names, which are meant for the next hop only.
/// </summary>
internal static class ConnectionHeaderTransforms
{
    public static void Add(TransformBuilderContext context)
    {
        context.AddRequestTransform(transform =>
        {
            if (transform.HttpContext.Request.Headers.Connection is { Count: > 0 } connection)
            {
                foreach (var name in ForwardingRules.NamedInConnection(connection))
                {
                    transform.ProxyRequest.Headers.Remove(name);
                    transform.ProxyRequest.Content?.Headers.Remove(name);
                }
            }

            return ValueTask.CompletedTask;
        });
        context.AddResponseTransform(transform =>
        {
            if (transform.ProxyResponse is { } response && response.Headers.NonValidated.TryGetValues("Connection", out var connection))
            {
                foreach (var name in ForwardingRules.NamedInConnection(connection))
                {
                    transform.HttpContext.Response.Headers.Remove(name);
                }
            }

            return ValueTask.CompletedTask;
        });
    }
}
