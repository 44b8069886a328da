namespace Platform.Simulator;

/// <summary>
/// The hidden world the platform never sees: users with tastes over latent topics, creators with a main
/// topic, videos with a topic mix and a quality. A user likes a video with probability
/// sigmoid(Sharpness · taste·topics + quality + Offset); everything is drawn from one seed.
/// </summary>
public sealed class GroundTruth
{
    public const int Topics = 12;
    private const double Sharpness = 6;
    private const double Offset = -3.2;

    private readonly double[][] _tastes;
    private readonly List<double[]> _videoTopics = [];
    private readonly List<double> _quality = [];
    private readonly Random _random;

    public GroundTruth(int users, int creators, int seed)
    {
        _random = new Random(seed);
        _tastes = new double[users][];
        for (var u = 0; u < users; u++)
        {
            // One or two favourite topics, a little interest in the rest.
            var taste = new double[Topics];
            var first = _random.Next(Topics);
            taste[first] = 0.7;
            taste[(first + 1 + _random.Next(Topics - 1)) % Topics] += _random.NextDouble() < 0.5 ? 0.3 : 0;
            _tastes[u] = Normalize(taste);
        }

        CreatorTopic = new int[creators];
        for (var c = 0; c < creators; c++)
        {
            CreatorTopic[c] = _random.Next(Topics);
        }
    }

    public int Users => _tastes.Length;

    public int Videos => _videoTopics.Count;

    public int[] CreatorTopic { get; }

    /// <summary>Adds a video of the creator; returns its index.</summary>
    public int AddVideo(int creator, double? quality = null)
    {
        var topics = new double[Topics];
        topics[_random.Next(10) < 8 ? CreatorTopic[creator] : _random.Next(Topics)] = 1;
        topics[_random.Next(Topics)] += 0.2;
        _videoTopics.Add(Normalize(topics));
        _quality.Add(quality ?? Gaussian() * 0.6);
        return _videoTopics.Count - 1;
    }

    public int MainTopic(int video) => Array.IndexOf(_videoTopics[video], _videoTopics[video].Max());

    public double LikeProbability(int user, int video)
    {
        double dot = 0;
        var taste = _tastes[user];
        var topics = _videoTopics[video];
        for (var k = 0; k < Topics; k++)
        {
            dot += taste[k] * topics[k];
        }

        return 1 / (1 + Math.Exp(-(Sharpness * dot + _quality[video] + Offset)));
    }

    /// <summary>Draws whether the user likes the video, and how much of it they watch (fraction of duration).</summary>
    public (bool Liked, double Watched) Engage(int user, int video, Random random)
    {
        var p = LikeProbability(user, video);
        var liked = random.NextDouble() < p;
        var watched = Math.Clamp(p + (random.NextDouble() - 0.5) * 0.4, 0.05, 1);
        return (liked, liked ? Math.Max(watched, 0.9) : watched);
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private static double[] Normalize(double[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}
