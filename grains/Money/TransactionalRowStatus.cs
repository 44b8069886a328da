namespace Platform.Grains.Money;

/// <summary>What <see cref="TransactionalRow.ForgetAsync"/> found.</summary>
internal enum TransactionalRowStatus
{
    /// <summary>No row is left (deleted now, or there was none).</summary>
    Gone = 0,

    /// <summary>A transaction of the row is still prepared or being confirmed: ask again shortly.</summary>
    Settling = 1,

    /// <summary>The row holds state that is not erasable (a new user's money under the same id): kept.</summary>
    InUse = 2,
}
