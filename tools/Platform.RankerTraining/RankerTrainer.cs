using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.RankerTraining;

/// <summary>Trains the ranker with ML.NET FastTree and exports it as a <see cref="TreeEnsembleFile"/>.</summary>
public static class RankerTrainer
{
    /// <summary>The outcome of one training run.</summary>
    public sealed record Result(TreeEnsembleFile Model, int Train, int Test, double TestAuc, double BlendAuc, double ExportMaxDifference);

    public static Result Train(IReadOnlyList<RankingExample> examples, int trees = 100, int leaves = 16, int seed = 7)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: seed);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(RankingExample.Label),
            FeatureColumnName = nameof(RankingExample.Features),
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
        });
        var model = trainer.Fit(split.TrainSet);
        var predictions = model.Transform(split.TestSet);
        var metrics = ml.BinaryClassification.Evaluate(predictions, nameof(RankingExample.Label));

        var ensemble = model.Model.SubModel.TrainedTreeEnsemble;
        var file = new TreeEnsembleFile(
            TreeEnsembleFile.CurrentFormat,
            RankingFeatures.Names,
            ensemble.Bias,
            [.. ensemble.TreeWeights],
            [.. ensemble.Trees.Select(t => new TreeEnsembleFile.Tree(
                [.. t.LeftChild], [.. t.RightChild], [.. t.NumericalSplitFeatureIndexes], [.. t.NumericalSplitThresholds], [.. t.LeafValues]))],
            DateTimeOffset.UtcNow,
            Math.Round(metrics.AreaUnderRocCurve, 4));

        // The silo scores the exported trees, not ML.NET: check they give ML.NET's raw scores.
        var exported = TreeEnsembleRankingModel.From(file);
        var blend = new BlendRankingModel(new RankingOptions());
        var test = ml.Data.CreateEnumerable<RankingExample>(split.TestSet, reuseRowObject: false).ToList();
        var raw = predictions.GetColumn<float>("Score").ToList();
        var maxDifference = 0.0;
        var labels = new List<bool>(test.Count);
        var blendScores = new List<double>(test.Count);
        for (var i = 0; i < test.Count; i++)
        {
            maxDifference = Math.Max(maxDifference, Math.Abs(exported.Score(test[i].Features) - raw[i]));
            labels.Add(test[i].Label);
            blendScores.Add(blend.Score(test[i].Features));
        }

        var trainCount = examples.Count - test.Count;
        return new Result(file, trainCount, test.Count, metrics.AreaUnderRocCurve, Auc.Of(labels, blendScores), maxDifference);
    }
}
