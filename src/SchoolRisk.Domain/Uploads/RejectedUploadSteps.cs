using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// What a municipality does after its file was refused, in Russian, told the same way in the letter and on the page:
/// fix what the reason names (the report lists the rows), send the file again, and know that the period's data accepted
/// before stays in force meanwhile. The steps never repeat or second-guess the reason, which says what is wrong.
/// </summary>
public static class RejectedUploadSteps
{
    /// <param name="period">The school year the file was for.</param>
    /// <param name="hasReport">Whether a problems report is linked below the steps.</param>
    /// <param name="onPage">
    /// <c>true</c> for the page (send the file again there; the ready-to-fill template is offered beside), <c>false</c>
    /// for the letter (send it again into the municipality's folder).
    /// </param>
    /// <returns>The steps, in order, each a sentence.</returns>
    public static IReadOnlyList<string> For(Period period, bool hasReport, bool onPage) =>
    [
        "Исправьте файл так, как сказано в причине выше" + (hasReport ? ": строки с замечаниями перечислены в отчёте о проверке (ссылка ниже)." : "."),
        .. onPage
            ? (string[])[
                "Если не подошли заголовки столбцов или их нет, возьмите готовый шаблон со школами муниципалитета (кнопки «Шаблон CSV» и «Шаблон Excel») и перенесите в него данные.",
                $"Загрузите исправленный файл снова здесь же, за {period} (имя файла может быть любым): он будет проверен заново, итог появится на этой странице и придёт письмом.",
            ]
            : [$"Загрузите исправленный файл снова в папку муниципалитета за {period} (имя файла может быть любым): он будет проверен заново, о результате придёт новое письмо."],
        "Пока новый файл не принят, в силе остаются данные за этот период, принятые раньше (если они были).",
    ];
}
