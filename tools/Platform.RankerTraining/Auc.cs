namespace Platform.RankerTraining;

/// <summary>Area under the ROC curve of scores against labels (ties count half).</summary>
public static class Auc
{
    public static double Of(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, labels.Count).OrderBy(i => scores[i]).ToArray();
        double positives = labels.Count(l => l), negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        var r = 0;
        while (r < order.Length)
        {
            var end = r;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[r]])
            {
                end++;
            }

            var averageRank = (r + end) / 2.0 + 1;
            for (var k = r; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    rankSum += averageRank;
                }
            }

            r = end + 1;
        }

        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
