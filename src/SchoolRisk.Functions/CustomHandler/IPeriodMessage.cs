namespace SchoolRisk.Functions.CustomHandler;

/// <summary>A queue message about one period, named as text like <c>2023-2024</c> (<see cref="InvocationRequest.TryReadPeriodMessage"/>).</summary>
public interface IPeriodMessage
{
    string Period { get; }
}
