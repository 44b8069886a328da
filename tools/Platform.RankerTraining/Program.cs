using System.Globalization;
using Platform.Grains.Recommendation;
using Platform.RankerTraining;

var inputs = new List<string>();
var output = "ranker.json";
var trees = 100;
var leaves = 16;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--trees" when i + 1 < args.Length:
            trees = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--leaves" when i + 1 < args.Length:
            leaves = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case var path when !path.StartsWith("--", StringComparison.Ordinal):
            inputs.Add(path);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            return Usage();
    }
}

if (inputs.Count == 0)
{
    return Usage();
}

var examples = ExampleLog.Read(inputs);
var positives = examples.Count(e => e.Label);
if (positives == 0 || positives == examples.Count)
{
    Console.Error.WriteLine($"{examples.Count} examples, {positives} positive: both labels are needed to train.");
    return 1;
}

var result = RankerTrainer.Train(examples, trees, leaves);
if (result.ExportMaxDifference > 1e-3)
{
    Console.Error.WriteLine($"The exported trees disagree with ML.NET by {result.ExportMaxDifference}; not writing the model.");
    return 1;
}

TreeEnsembleRankingModel.Save(result.Model, output);
Console.WriteLine(
    $"{{\"examples\": {examples.Count}, \"positives\": {positives}, \"train\": {result.Train}, \"test\": {result.Test}, " +
    $"\"testAuc\": {result.TestAuc.ToString("F4", CultureInfo.InvariantCulture)}, \"blendTestAuc\": {result.BlendAuc.ToString("F4", CultureInfo.InvariantCulture)}, " +
    $"\"trees\": {result.Model.Trees.Length}, \"model\": \"{Path.GetFullPath(output)}\"}}");
return 0;

static int Usage()
{
    Console.Error.WriteLine("Usage: Platform.RankerTraining FEATURE_LOG... [--out ranker.json] [--trees 100] [--leaves 16]");
    return 2;
}
