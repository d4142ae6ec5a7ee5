using SchoolRisk.Application.Notices;

namespace SchoolRisk.Application.Registry;

/// <summary>How a change of the registry container ended (<see cref="RegistryFileCheck.CheckAsync"/>), as the door's outputs.</summary>
/// <param name="Message">What was checked and found, for the invocation log.</param>
/// <param name="Notice">The message for <c>risk-notifications</c> when the file has problems to tell the committee; its notice is already in the notices container.</param>
public sealed record RegistryCheckOutcome(string Message, NoticeMessage? Notice);
