using System.Diagnostics;
using System.Text.Json;
using Platform.Evaluation;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

string? ratingsPath = null;
string? featureLog = null;
string? modelPath = null;
var learning = new LearningOptions();
var ranking = new RankingOptions();
var itemModel = new ItemModelOptions();
var itemModelEvery = PrequentialEvaluator.DefaultItemModelRefreshEvents;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--ratings" when i + 1 < args.Length:
            ratingsPath = args[++i];
            break;
        case "--feature-log" when i + 1 < args.Length:
            featureLog = args[++i];
            break;
        case "--model" when i + 1 < args.Length:
            modelPath = args[++i];
            break;
        case "--retrieval" when i + 1 < args.Length:
            // Retrieval cost only: no rating log needed.
            Console.WriteLine(RetrievalBenchmark.Run(int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture)));
            return 0;
        case "--item-model-every" when i + 1 < args.Length:
            // Engagements between refreshes of the item-item model (a silo refreshes every ItemModel:RefreshInterval).
            itemModelEvery = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--set" when i + 1 < args.Length:
            // Ablations only (e.g. --set CoEngagementWeight=0): the defaults are the platform's defaults.
            OptionOverrides.Apply(args[++i], learning, ranking, itemModel);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            Console.Error.WriteLine("Usage: Platform.Evaluation --ratings FILE [--feature-log FILE] [--model ranker.json] [--item-model-every N] [--set Option=Value]...");
            return 2;
    }
}

if (ratingsPath is null)
{
    Console.Error.WriteLine("Usage: Platform.Evaluation --ratings FILE [--feature-log FILE] [--model ranker.json] [--item-model-every N] [--set Option=Value]...");
    return 2;
}

var ratings = RatingsReader.Read(ratingsPath);
using var log = featureLog is null ? null : new StreamWriter(featureLog);
var evaluator = new PrequentialEvaluator(learning, ranking, log, modelPath is null ? null : TreeEnsembleRankingModel.Load(modelPath), itemModel, itemModelEvery);
var started = Stopwatch.GetTimestamp();
var result = evaluator.Run(ratings, progress: Console.Error);
result = result with { SecondsPerEvent = Stopwatch.GetElapsedTime(started).TotalSeconds / Math.Max(1, result.Events) };
if (evaluator.ItemModelRefreshes > 0)
{
    Console.Error.WriteLine($"item-item model: {evaluator.ItemModelRefreshes} refreshes, {evaluator.ItemModelSeconds:F1} s");
}

Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
return 0;
