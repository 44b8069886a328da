using System.Text.Json;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Scores <see cref="RankingFeatures"/> with a learned tree ensemble: a few hundred comparisons per
/// candidate, no allocation, thread-safe (immutable).
/// </summary>
public sealed class TreeEnsembleRankingModel : IRankingModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TreeEnsembleFile _file;

    private TreeEnsembleRankingModel(TreeEnsembleFile file, string name)
    {
        _file = file;
        Name = name;
    }

    public string Name { get; }

    public TreeEnsembleFile File => _file;

    /// <summary>Reads and checks a model file; throws <see cref="InvalidDataException"/> when it is not a valid ranker for these features.</summary>
    public static TreeEnsembleRankingModel Load(string path)
    {
        TreeEnsembleFile? file;
        using (var stream = System.IO.File.OpenRead(path))
        {
            file = JsonSerializer.Deserialize<TreeEnsembleFile>(stream, Json);
        }

        Validate(file);
        return new TreeEnsembleRankingModel(file!, $"{Path.GetFileName(path)} (trained {file!.TrainedAt:u}, AUC {file.TestAuc:F3})");
    }

    /// <summary>Serializes a model file (used by the training tool).</summary>
    public static void Save(TreeEnsembleFile file, string path)
    {
        Validate(file);
        var temporary = path + ".tmp";
        System.IO.File.WriteAllText(temporary, JsonSerializer.Serialize(file, Json));
        System.IO.File.Move(temporary, path, overwrite: true);
    }

    public static TreeEnsembleRankingModel From(TreeEnsembleFile file)
    {
        Validate(file);
        return new TreeEnsembleRankingModel(file, "in-memory");
    }

    public float Score(ReadOnlySpan<float> features)
    {
        var score = _file.Bias;
        var trees = _file.Trees;
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = trees[t];
            var node = 0;
            if (tree.Left.Length > 0)
            {
                while (node >= 0)
                {
                    node = features[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
                }

                node = ~node;
            }

            score += _file.Weights[t] * tree.Leaves[node];
        }

        return (float)score;
    }

    private static void Validate(TreeEnsembleFile? file)
    {
        if (file is null || file.Format != TreeEnsembleFile.CurrentFormat)
        {
            throw new InvalidDataException($"Not a {TreeEnsembleFile.CurrentFormat} model file.");
        }

        if (file.Features is null || !file.Features.SequenceEqual(RankingFeatures.Names))
        {
            throw new InvalidDataException("The model was trained on other features than this platform computes.");
        }

        if (file.Trees is null || file.Weights is null || file.Weights.Length != file.Trees.Length)
        {
            throw new InvalidDataException("The model's trees and weights do not match.");
        }

        foreach (var tree in file.Trees)
        {
            if (tree?.Left is not { } left || tree.Right is not { } right)
            {
                throw new InvalidDataException("A tree of the model is malformed.");
            }

            var nodes = left.Length;
            if (right.Length != nodes || tree.Feature?.Length != nodes || tree.Threshold?.Length != nodes
                || tree.Leaves is not { Length: > 0 } || tree.Leaves.Length != nodes + 1)
            {
                throw new InvalidDataException("A tree of the model is malformed.");
            }

            for (var i = 0; i < nodes; i++)
            {
                if ((uint)tree.Feature[i] >= RankingFeatures.Count
                    || !ValidChild(left[i], i, nodes) || !ValidChild(right[i], i, nodes))
                {
                    throw new InvalidDataException("A tree of the model is malformed.");
                }
            }
        }
    }

    // Children point forward (no cycles) or at a leaf.
    private static bool ValidChild(int child, int node, int nodes) => child < 0 ? ~child <= nodes : child > node && child < nodes;
}
