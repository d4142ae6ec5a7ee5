namespace SchoolRisk.Domain.Evaluation.Editing;

/// <summary>
/// One number an administrator changes in a rule file, as the page's rule table addresses it:
/// <list type="bullet">
/// <item>a zone rule's threshold: <see cref="Rule"/> = the rule's <c>RuleName</c>, <see cref="Key"/> = <c>Threshold</c>;</item>
/// <item>a classification rule's cut-off: the rule's name and a name of its <c>Properties.Parameters</c> (<c>percentile</c>);</item>
/// <item>a rubric band's edge: the band rule's name and <c>From</c> or <c>To</c> (the neighbouring band's edge follows);</item>
/// <item>the integrated assessment: a direction's <c>Id</c> and <c>Weight</c>, or <c>Levels</c> with
/// <c>HighFromPercentile</c> / <c>LowBelowPercentile</c>, or <c>Top</c> with <c>Secondary</c>, <c>Basic</c>, <c>Leaders</c>.</item>
/// </list>
/// </summary>
/// <param name="File">The rule file's name, like <c>exams.json</c>.</param>
/// <param name="Rule">The rule (or assessment section) the number belongs to.</param>
/// <param name="Key">Which number of it.</param>
/// <param name="Value">The new value.</param>
public sealed record RuleNumberEdit(string File, string Rule, string Key, decimal Value);
