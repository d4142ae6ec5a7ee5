namespace SchoolRisk.LocalHost.NodeTools;

/// <summary>
/// A tool exited at start because a port it was given was already bound (node's <c>EADDRINUSE</c>); the message holds
/// its output. <see cref="LoopbackPorts.StartAsync{T}"/> starts it again on other ports.
/// </summary>
public sealed class PortInUseException(string message) : InvalidOperationException(message);
