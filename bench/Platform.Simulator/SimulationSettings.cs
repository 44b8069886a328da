using System.Globalization;

namespace Platform.Simulator;

/// <summary>Command-line settings of a simulation run.</summary>
public sealed record SimulationSettings(
    string Url, int Users, int Creators, int Videos, int Rounds, int FeedSize, int NewVideosAt, int NewVideos, int UploadsPerRound, int Seed, string RunId,
    int Burst = 10)
{
    public const string Usage =
        "Usage: Platform.Simulator --url http://localhost:5080 [--users 300] [--creators 60] [--videos 1500] " +
        "[--rounds 20] [--feed 10] [--new-videos-at 10] [--new-videos 20] [--burst 10] [--uploads-per-round 50] [--seed 1] [--run-id sim1]\n" +
        "   (--burst: that many uploads from one creator at once, at the same round as the new videos)\n" +
        "   or: Platform.Simulator --write-ratings FILE   (a u.data-style log drawn from the hidden truth, no platform)";

    public static SimulationSettings? Parse(string[] args)
    {
        var s = new SimulationSettings("http://localhost:5080", 300, 60, 1500, 20, 10, 10, 20, 50, 1, $"s{Environment.TickCount64 % 100000}");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            int Int() => int.Parse(value, CultureInfo.InvariantCulture);
            s = args[i] switch
            {
                "--url" => s with { Url = value },
                "--users" => s with { Users = Int() },
                "--creators" => s with { Creators = Int() },
                "--videos" => s with { Videos = Int() },
                "--rounds" => s with { Rounds = Int() },
                "--feed" => s with { FeedSize = Int() },
                "--new-videos-at" => s with { NewVideosAt = Int() },
                "--new-videos" => s with { NewVideos = Int() },
                "--burst" => s with { Burst = Int() },
                "--uploads-per-round" => s with { UploadsPerRound = Int() },
                "--seed" => s with { Seed = Int() },
                "--run-id" => s with { RunId = value },
                _ => null,
            };
            if (s is null)
            {
                return null;
            }
        }

        return args.Length % 2 == 0 ? s : null;
    }
}
