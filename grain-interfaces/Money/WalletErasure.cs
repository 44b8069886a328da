namespace Platform.GrainInterfaces;

/// <summary>What erasing a wallet did.</summary>
/// <param name="ForfeitedCents">The balance the wallet still held, now on the ledger's forfeited line (0 if none).</param>
/// <param name="PagesToForget">Journal pages 0..PagesToForget-1 that belonged to the erased journal (their rows go next).</param>
[GenerateSerializer, Immutable, Alias("Platform.WalletErasure")]
public sealed record WalletErasure(
    [property: Id(0)] long ForfeitedCents,
    [property: Id(1)] int PagesToForget);
