using System.Collections.Concurrent;
using System.Diagnostics;

namespace SchoolRisk.LocalHost.Processes;

/// <summary>
/// Starts the host's child processes (the worker, which keeps running when its gRPC stream breaks; Azurite and MailDev,
/// which keep their ports) so that none outlives the process that started them: every process started here is killed, with its children, when the host
/// process exits (<see cref="AppDomain.ProcessExit"/>), and on Linux it is started through util-linux's
/// <c>setpriv --pdeathsig KILL</c>, so the kernel kills it even when the host dies without running any code
/// (SIGKILL, a crash). The parent-death signal follows the thread that forked the child, not the process, so the
/// processes are started from one thread that lives as long as the host process.
/// </summary>
internal static class ChildProcesses
{
    private const string SetPriv = "/usr/bin/setpriv";

    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Requests = [];
    private static readonly Lock Gate = new();
    private static readonly HashSet<Process> Live = [];

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        new Thread(Launch) { IsBackground = true, Name = "Child process launcher" }.Start();
    }

    /// <summary>Whether processes started here are killed by the kernel when the host process dies (Linux with <c>setpriv</c>).</summary>
    public static bool DieWithHost { get; } = OperatingSystem.IsLinux() && File.Exists(SetPriv);

    /// <summary>
    /// Starts <paramref name="process"/> (its <see cref="Process.StartInfo"/> and event handlers set, output not yet
    /// read) and keeps it to kill when the host exits, until it exits itself.
    /// </summary>
    public static Task StartAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (DieWithHost)
        {
            var start = process.StartInfo;
            string[] prefix = ["--pdeathsig", "KILL", "--", start.FileName];
            for (var index = 0; index < prefix.Length; index++)
            {
                start.ArgumentList.Insert(index, prefix[index]);
            }

            start.FileName = SetPriv;
        }

        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => Forget(process);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((process, started));
        return started.Task;
    }

    private static void Launch()
    {
        foreach (var (process, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                lock (Gate)
                {
                    process.Start();
                    Live.Add(process);
                }

                started.SetResult();
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
            {
                started.SetException(exception);
            }
        }
    }

    private static void Forget(Process process)
    {
        lock (Gate)
        {
            Live.Remove(process);
        }
    }

    private static void KillAll()
    {
        lock (Gate)
        {
            foreach (var process in Live)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It has exited already.
                }
            }

            Live.Clear();
        }
    }
}
