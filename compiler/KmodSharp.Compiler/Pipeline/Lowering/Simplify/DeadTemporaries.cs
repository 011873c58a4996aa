using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>
/// The locals that go with a dropped condition. The lowering computes a pattern's or a guard's
/// operands into temporaries first; when the if that tested them goes, a temporary whose only
/// read it was would be set but unused (-Wunused-but-set-variable), so its stores go too, and
/// then those of the temporaries only they read:
///   kms_tmp_4 = 8 - (size_t)kms_tmp_3;  kms_tmp_5 = s.e[kms_tmp_4];  if (kms_tmp_5 &lt; -25L) { }
/// all go. A local may go only when every mention of it is a statement storing a value whose
/// evaluation changes nothing (<see cref="CVariables.IsQuiet"/>); a parameter never goes, but one
/// nothing writes may be left unread (kern.mk warns of no unused parameter: it has no -Wextra).
/// </summary>
internal sealed class DeadTemporaries
{
    // The values stored into each local that may go.
    private readonly Dictionary<string, List<CExpr>> stores;

    // The parameters nothing assigns, steps or takes the address of: walked for only when a parameter
    // is left unread, which few functions meet.
    private readonly Lazy<HashSet<string>> unwritten;

    private DeadTemporaries(Dictionary<string, List<CExpr>> stores, Lazy<HashSet<string>> unwritten) => (this.stores, this.unwritten) = (stores, unwritten);

    public static DeadTemporaries Of(CBlock body, IReadOnlyDictionary<string, int> reads, IEnumerable<string> parameters)
    {
        var unwritten = new Lazy<HashSet<string>>(() =>
        {
            HashSet<string> names = [.. parameters];
            names.ExceptWith(CVariables.Written(body));
            return names;
        });
        ImmutableHashSet<string> declared = [.. CVariables.Statements(body).OfType<CLocalDeclaration>().Where(d => d.Initializer is null).Select(d => d.Name)];
        var stores = declared.ToDictionary(name => name, _ => new List<CExpr>());
        var stored = new Dictionary<string, int>();
        var mentions = new Dictionary<string, int>();
        foreach (CStmt statement in CVariables.Statements(body))
        {
            if (statement is CExpressionStatement { Expression: CAssign { Operator: null, Target: CIdentifier { Name: var name }, Value: var value } } && stores.TryGetValue(name, out List<CExpr>? values))
            {
                if (CVariables.IsQuiet(value))
                {
                    values.Add(value);
                    stored[name] = stored.GetValueOrDefault(name) + 1;
                }
                else
                {
                    stores.Remove(name);
                }
            }

            foreach (CIdentifier identifier in CVariables.Own(statement).SelectMany(CVariables.Expressions).OfType<CIdentifier>())
            {
                mentions[identifier.Name] = mentions.GetValueOrDefault(identifier.Name) + 1;
            }
        }

        // Any other mention (a store inside an expression) keeps the local.
        foreach (string name in stores.Keys.Where(n => mentions.GetValueOrDefault(n) != stored.GetValueOrDefault(n) + reads.GetValueOrDefault(n)).ToList())
        {
            stores.Remove(name);
        }

        return new DeadTemporaries(stores, unwritten);
    }

    /// <summary>The locals that may go with their stores once unread.</summary>
    public IEnumerable<string> Storable => stores.Keys;

    /// <summary>
    /// The read counts after forgetting <paramref name="removed"/>, and the locals left unread that
    /// go with their stores; null when a variable left unread cannot go.
    /// </summary>
    public (Dictionary<string, int> Reads, HashSet<string> Dead)? Forget(IReadOnlyDictionary<string, int> reads, IReadOnlySet<string> variables, Dictionary<string, int> removed)
    {
        var counts = new Dictionary<string, int>(reads);
        var dead = new HashSet<string>();
        var pending = new Queue<Dictionary<string, int>>([removed]);
        while (pending.TryDequeue(out Dictionary<string, int>? forgotten))
        {
            foreach ((string name, int count) in forgotten)
            {
                counts[name] = counts.GetValueOrDefault(name) - count;
                if (counts[name] > 0 || !variables.Contains(name) || dead.Contains(name))
                {
                    continue;
                }

                if (!stores.TryGetValue(name, out List<CExpr>? values))
                {
                    if (unwritten.Value.Contains(name))
                    {
                        continue;
                    }

                    return null;
                }

                dead.Add(name);
                foreach (CExpr value in values)
                {
                    pending.Enqueue(CVariables.ReadCounts(new CExpressionStatement(value)));
                }
            }
        }

        return (counts, dead);
    }

    /// <summary>The block without the dead locals' declarations and stores (a labelled store leaves its label on an empty statement).</summary>
    public static CBlock Without(CBlock body, IReadOnlySet<string> dead)
    {
        bool IsDead(CStmt? statement) => statement is CLocalDeclaration { Name: var declared } && dead.Contains(declared)
            || statement is CExpressionStatement { Expression: CAssign { Operator: null, Target: CIdentifier { Name: var name } } } && dead.Contains(name);

        ImmutableArray<CStmt> Block(ImmutableArray<CStmt> statements) => [.. statements.Where(s => !IsDead(s)).Select(Statement)];

        CStmt Nested(CStmt statement) => IsDead(statement) ? new CBlock([]) : Statement(statement);

        CStmt Statement(CStmt statement) => statement switch
        {
            CBlock block => block with { Statements = Block(block.Statements) },
            CIf choice => choice with { Then = Nested(choice.Then), Else = choice.Else is null ? null : Nested(choice.Else) },
            CWhile loop => loop with { Body = Nested(loop.Body) },
            CDoWhile loop => loop with { Body = Nested(loop.Body) },
            CFor loop => loop with { Initializer = IsDead(loop.Initializer) ? null : loop.Initializer, Body = Nested(loop.Body) },
            CLabeled labeled => labeled with { Statement = IsDead(labeled.Statement) ? new CEmptyStatement() : Statement(labeled.Statement) },
            CSwitch choice => choice with { Sections = [.. choice.Sections.Select(s => s with { Statements = Block(s.Statements) })] },
            _ => statement,
        };

        return body with { Statements = Block(body.Statements) };
    }
}
