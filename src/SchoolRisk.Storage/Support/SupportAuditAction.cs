namespace SchoolRisk.Storage.Support;

/// <summary>What an entry of the support audit trail records.</summary>
public enum SupportAuditAction
{
    /// <summary>A decision recorded where there was none of its kind: no «before».</summary>
    Recorded,

    /// <summary>A decision of the kind recorded again, replacing the one before.</summary>
    Changed,

    /// <summary>A decision withdrawn: no «after».</summary>
    Withdrawn,
}
