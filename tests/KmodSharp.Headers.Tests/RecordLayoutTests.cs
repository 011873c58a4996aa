using System.Linq;
using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class RecordLayoutTests
{
    [Fact]
    public void Padding_BetweenFieldsAndAtTheTail()
    {
        // x86_64: char at 0, 7 bytes of padding to align the long at 8, short at 16, 6 tail bytes.
        HeaderReadResult result = TestHeaders.Read("struct s { char c; long l; short h; };");

        HeaderRecord s = result.FindRecord("s")!;
        Assert.Equal(24, s.Size);
        Assert.Equal(8, s.Alignment);
        Assert.Equal([("c", 0L), ("l", 8L), ("h", 16L)], s.Fields.Select(f => (f.Name, f.OffsetBytes)));
        Assert.Equal([(1L, 7L), (18L, 6L)], s.Padding.Select(p => (p.OffsetBytes, p.SizeBytes)));
        Assert.Equal([(8L, 56L), (144L, 48L)], s.Padding.Select(p => (p.OffsetBits, p.SizeBits)));
    }

    [Fact]
    public void NestedStructsAndArrays()
    {
        HeaderReadResult result = TestHeaders.Read("""
            struct point { int x, y; };
            struct shape {
                char kind;
                struct point corners[4];
                struct inner { short a; double d; } in;
                unsigned char tag[3];
            };
            """);

        HeaderRecord shape = result.FindRecord("shape")!;
        Assert.Equal([("kind", 0L), ("corners", 4L), ("in", 40L), ("tag", 56L)], shape.Fields.Select(f => (f.Name, f.OffsetBytes)));
        Assert.Equal(64, shape.Size);
        Assert.Equal(8, shape.Alignment);
        HeaderArrayType corners = Assert.IsType<HeaderArrayType>(shape.Fields[1].Type);
        Assert.Equal(4, corners.Length);
        Assert.Equal(32, corners.Size);
        Assert.Equal("point", Assert.IsType<HeaderRecordRefType>(corners.Element).Name);

        // A tag declared inside a struct has file scope in C, so it is listed on its own.
        HeaderRecord inner = result.FindRecord("inner")!;
        Assert.Equal(16, inner.Size);
        Assert.Equal([(2L, 6L)], inner.Padding.Select(p => (p.OffsetBytes, p.SizeBytes)));
        Assert.Equal(["point", "shape", "inner"], result.Records.Select(r => r.Name));
    }

    [Fact]
    public void Union_HasSizeOfLargestMemberRoundedToAlignment()
    {
        HeaderReadResult result = TestHeaders.Read("union value { char bytes[5]; int i; long l; short s; };");

        HeaderRecord value = result.FindRecord("value")!;
        Assert.Equal(HeaderRecordKind.Union, value.Kind);
        Assert.Equal(8, value.Size);
        Assert.All(value.Fields, f => Assert.Equal(0, f.OffsetBits));
        Assert.Empty(value.Padding);
    }

    [Fact]
    public void BitFields_HaveBitOffsetsAndWidths()
    {
        HeaderReadResult result = TestHeaders.Read("""
            struct flags {
                unsigned int a : 3;
                unsigned int b : 5;
                unsigned int   : 4;
                unsigned int c : 20;
                unsigned int d : 1;
                int : 0;
                char e;
            };
            """);

        HeaderRecord flags = result.FindRecord("flags")!;
        Assert.Equal(
            [("a", 0L, 3), ("b", 3L, 5), ("", 8L, 4), ("c", 12L, 20), ("d", 32L, 1), ("", 64L, 0)],
            flags.Fields.Where(f => f.IsBitField).Select(f => (f.Name, f.OffsetBits, f.BitWidth!.Value)));
        Assert.Equal(64, flags.Fields.Single(f => f.Name == "e").OffsetBits);
        Assert.Equal(12, flags.Size);

        // The unnamed 4-bit field and the rest of d's unit are padding; so is the tail after e.
        Assert.Equal([(8L, 4L), (33L, 31L), (72L, 24L)], flags.Padding.Select(p => (p.OffsetBits, p.SizeBits)));
    }

    [Fact]
    public void AnonymousMembers_AreFlattenedInTheLayout()
    {
        HeaderReadResult result = TestHeaders.Read("""
            struct event {
                int type;
                union {
                    struct { short x, y; };
                    long code;
                };
                char flag;
            };
            """);

        HeaderRecord record = result.FindRecord("event")!;
        Assert.Equal(24, record.Size);
        HeaderField member = record.Fields[1];
        Assert.True(member.IsAnonymousMember);
        Assert.Equal(string.Empty, member.Name);
        Assert.Equal(64, member.OffsetBits);
        Assert.True(Assert.IsType<HeaderRecordRefType>(member.Type).IsAnonymous);
        Assert.Contains(result.Records, r => r.IsAnonymous && r.Kind == HeaderRecordKind.Union);

        HeaderStructLayout layout = result.FindLayout("event")!;
        Assert.Equal(24, layout.Size);
        Assert.Equal(8, layout.Alignment);
        Assert.Equal(
            [("type", 0L), ("x", 8L), ("y", 10L), ("code", 8L), ("flag", 16L)],
            layout.Fields.Select(f => (f.Name, f.OffsetBytes)));
    }

    [Fact]
    public void ForwardDeclaration_IsIncompleteWithoutLayout()
    {
        HeaderReadResult result = TestHeaders.Read("struct opaque; struct later; struct later { int v; };");

        HeaderRecord opaque = result.FindRecord("opaque")!;
        Assert.False(opaque.IsComplete);
        Assert.Equal(-1, opaque.Size);
        Assert.Empty(opaque.Fields);
        Assert.Null(result.FindLayout("opaque"));
        Assert.True(result.FindRecord("later")!.IsComplete);
        Assert.Single(result.Records, r => r.Name == "later");
    }

    [Fact]
    public void FlexibleArrayMember_HasNoSize()
    {
        HeaderReadResult result = TestHeaders.Read("struct msg { unsigned short len; char data[]; };");

        HeaderStructLayout layout = result.FindLayout("struct msg")!;
        Assert.Equal(2, layout.Size);
        HeaderFieldLayout data = layout.Fields[1];
        Assert.Equal(2, data.OffsetBytes);
        Assert.Equal(-1, data.Size);
        Assert.Null(Assert.IsType<HeaderArrayType>(data.Type).Length);
    }

    [Fact]
    public void PackedAndAlignedAttributes_AreHonoured()
    {
        HeaderReadResult result = TestHeaders.Read("""
            struct __attribute__((packed)) wire { char c; int i; };
            struct cache_line { int v; } __attribute__((aligned(64)));
            """);

        HeaderStructLayout wire = result.FindLayout("wire")!;
        Assert.Equal(5, wire.Size);
        Assert.Equal(1, wire.Fields.Single(f => f.Name == "i").OffsetBytes);
        Assert.Equal(64, result.FindLayout("cache_line")!.Alignment);
        Assert.Equal(64, result.FindLayout("cache_line")!.Size);
    }

    [Fact]
    public void SelfReferentialStruct_PointsToItselfWithoutRecursing()
    {
        HeaderReadResult result = TestHeaders.Read("struct node { struct node *next; int value; };");

        HeaderRecord node = result.FindRecord("node")!;
        Assert.Equal(16, node.Size);
        HeaderRecordRefType target = Assert.IsType<HeaderRecordRefType>(Assert.IsType<HeaderPointerType>(node.Fields[0].Type).Pointee);
        Assert.Equal(node.Spelling, target.CanonicalSpelling);
    }

    [Fact]
    public void InvalidStruct_IsReportedWithoutLayout()
    {
        HeaderReadResult result = TestHeaders.Read("struct bad { struct missing m; int x; };\nstruct outer { struct bad b; };\nstruct fine { int x; };");

        Assert.Contains(result.Diagnostics, d => d.Message == "field has incomplete type 'struct missing'");
        Assert.False(result.FindRecord("bad")!.IsComplete);
        Assert.False(result.FindRecord("outer")!.IsComplete);
        Assert.Null(result.FindLayout("outer"));
        Assert.Equal(4, result.FindLayout("fine")!.Size);
    }
}
