using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Views;

/// <summary>Makes the answers of view queries (<see cref="ViewAnswer{T}"/>), with the messages people read.</summary>
public static class ViewAnswer
{
    /// <summary>The view asked for.</summary>
    public static ViewAnswer<T> Found<T>(T value)
        where T : class => new(ViewOutcome.Found, value, string.Empty);

    /// <summary>A route's period that is not a school year: <see cref="Period.ProblemOf"/>.</summary>
    public static ViewAnswer<T> NotAPeriod<T>(string? text)
        where T : class => new(ViewOutcome.NotAPeriod, null, Period.ProblemOf(text)!);

    /// <summary>A route's municipality that is not an id: «{text}» — не код муниципалитета (латинские строчные буквы, цифры и дефис).</summary>
    public static ViewAnswer<T> NotAMunicipality<T>(string text)
        where T : class => new(ViewOutcome.NotFound, null, $"«{text}» — не код муниципалитета (латинские строчные буквы, цифры и дефис).");

    /// <summary>What was asked for does not exist; <paramref name="message"/> says what, in Russian.</summary>
    public static ViewAnswer<T> NotFound<T>(string message)
        where T : class => new(ViewOutcome.NotFound, null, message);

    /// <summary>What the caller sent cannot be used; <paramref name="message"/> says why, in Russian.</summary>
    public static ViewAnswer<T> Invalid<T>(string message)
        where T : class => new(ViewOutcome.Invalid, null, message);

    /// <summary>A municipality the caller's key does not see.</summary>
    public static ViewAnswer<T> Forbidden<T>(string municipalityId)
        where T : class => new(ViewOutcome.Forbidden, null, $"Ключ не даёт доступа к данным муниципалитета «{municipalityId}».");

    /// <summary>What only the committee may see or do (deliveries, replay), asked with another key.</summary>
    public static ViewAnswer<T> NotCommittee<T>()
        where T : class => new(ViewOutcome.Forbidden, null, "Журнал доставки уведомлений и повторная отправка доступны только комитету: войдите с ключом комитета.");
}
