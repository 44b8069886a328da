using Npgsql;
using Platform.Grains.Privacy;

namespace Platform.Tests.Identity;

/// <summary>
/// An erasure step as another feature would register one: it deletes the user's rows from that feature's own
/// PostgreSQL table (<c>feature_rows</c>). While the table does not exist the step fails for real, as a feature's
/// store that is down would, and the erasure stays pending.
/// </summary>
public sealed class FeatureRowsErasureStep(string connectionString) : IUserErasureStep
{
    public string Name => "test-feature-rows";

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM feature_rows WHERE user_id = @user", connection);
        command.Parameters.AddWithValue("user", userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
