using MathNet.Numerics.LinearAlgebra;
using Platform.GrainInterfaces;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Fits an <see cref="ItemItemModel"/> by EASE (Steck 2019, "Embarrassingly Shallow Autoencoders"): with G the
/// item Gram matrix and P = (G + λI)⁻¹, B = I − P·diag(1/diag(P)) with a zero diagonal, i.e.
/// B[i, j] = −P[i, j] / P[j, j]: the ridge regression of each item on all others, in closed form. G comes from
/// co-engagement, each recorded pair a basket of two videos: G[i, j] is the pair weight between i and j (both
/// directions averaged: how often they were engaged with close together, nearer pairs more) and G[i, i] the
/// video's whole incoming co-engagement weight (its pairs with every video, covered or not), so G is the Gram
/// matrix of the pair baskets. λ is <c>regularization</c> × the mean diagonal, so it scales with the weights
/// whatever the traffic. The dense solve is MathNet.Numerics' Cholesky decomposition (G + λI is symmetric
/// positive definite: diagonally dominant with a positive ridge; λ is doubled should rounding say otherwise).
/// </summary>
public static class EaseSolver
{
    /// <summary>
    /// The model over <paramref name="items"/> from their co-engagement <paramref name="activity"/> (G's diagonal)
    /// and the edges among them; null with fewer than two items.
    /// </summary>
    public static ItemItemModel? Fit(IReadOnlyList<string> items, ReadOnlySpan<float> activity, IEnumerable<ItemEdgeList> edges, double regularization)
    {
        var n = items.Count;
        if (n < 2)
        {
            return null;
        }

        // Column-major n × n (symmetric, so the layout does not matter until B).
        var g = new double[(long)n * n];
        foreach (var list in edges)
        {
            for (var k = 0; k < list.Anchors.Length; k++)
            {
                int a = list.Anchors[k], t = list.Targets[k];
                if (a == t || (uint)a >= (uint)n || (uint)t >= (uint)n || !(list.Weights[k] > 0))
                {
                    continue;
                }

                var half = list.Weights[k] / 2.0;
                g[((long)a * n) + t] += half;
                g[((long)t * n) + a] += half;
            }
        }

        var meanDiagonal = 0.0;
        for (var i = 0; i < n; i++)
        {
            // Each pair is a basket of two: the video's whole co-engagement weight, at least the sum of its
            // pairs among the covered videos (edge limits can make the two directions unequal).
            var rowSum = 0.0;
            for (var j = 0; j < n; j++)
            {
                rowSum += g[((long)i * n) + j];
            }

            var diagonal = Math.Max(activity[i], rowSum);
            g[((long)i * n) + i] = diagonal;
            meanDiagonal += diagonal / n;
        }

        var lambda = regularization * Math.Max(meanDiagonal, 1e-9);
        for (var i = 0; i < n; i++)
        {
            g[((long)i * n) + i] += lambda;
        }

        Matrix<double> p;
        while (true)
        {
            try
            {
                var gram = Matrix<double>.Build.Dense(n, n, (double[])g.Clone());
                p = gram.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(n));
                break;
            }
            catch (ArgumentException)
            {
                for (var i = 0; i < n; i++)
                {
                    g[((long)i * n) + i] += lambda;
                }

                lambda *= 2;
            }
        }
        var weights = new float[(long)n * n];
        for (var j = 0; j < n; j++)
        {
            var pjj = p[j, j];
            for (var i = 0; i < n; i++)
            {
                weights[((long)i * n) + j] = i == j ? 0 : (float)(-p[i, j] / pjj);
            }
        }

        return new ItemItemModel([.. items], weights);
    }
}
