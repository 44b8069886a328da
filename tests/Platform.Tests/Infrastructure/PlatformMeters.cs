using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Tests.Infrastructure;

/// <summary>Listens to one in-process platform's own instruments (those its meter factory made), not another's.</summary>
public static class PlatformMeters
{
    /// <summary>Hears every long measurement of the platform's instruments whose name starts with <paramref name="prefix"/>.</summary>
    public static MeterListener Listen(IServiceProvider services, string prefix, Action<string, long> measured)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured(instrument.Name, value));
        listener.Start();
        return listener;
    }
}
