using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class TypedefTests
{
    [Fact]
    public void TypedefChain_IsFollowedStepByStep()
    {
        HeaderReadResult result = TestHeaders.Read("""
            typedef unsigned int __uint32_t;
            typedef __uint32_t uint32_t;
            typedef uint32_t u_int32_t;
            typedef const u_int32_t cu32;
            """);

        HeaderTypedefRefType first = Assert.IsType<HeaderTypedefRefType>(result.FindTypedef("u_int32_t")!.UnderlyingType);
        Assert.Equal("uint32_t", first.Name);
        HeaderTypedefRefType second = Assert.IsType<HeaderTypedefRefType>(first.Underlying);
        Assert.Equal("__uint32_t", second.Name);
        HeaderBuiltinType builtin = Assert.IsType<HeaderBuiltinType>(second.Underlying);
        Assert.Equal(HeaderBuiltinKind.UnsignedInt, builtin.Kind);
        Assert.Same(builtin, first.StripTypedefs());
        Assert.Equal("unsigned int", first.CanonicalSpelling);

        HeaderType constant = result.FindTypedef("cu32")!.UnderlyingType;
        Assert.True(constant.IsConst);
        Assert.Equal("const unsigned int", constant.CanonicalSpelling);
        Assert.False(constant.IsSameCanonicalType(first));
        Assert.True(first.IsSameCanonicalType(builtin));
    }

    [Fact]
    public void TypedefOfTaglessStruct_NamesAnAnonymousRecordFoundByTypedefName()
    {
        HeaderReadResult result = TestHeaders.Read("""
            typedef struct { char c; long l; } pair_t;
            typedef pair_t pair_alias_t;
            """);

        HeaderRecord record = Assert.Single(result.Records);
        Assert.True(record.IsAnonymous);
        Assert.Equal(16, record.Size);
        Assert.Same(record, result.FindRecord("pair_t"));
        Assert.Same(record, result.FindRecord("pair_alias_t"));
        Assert.Null(result.FindRecord("struct pair_t"));
    }

    [Fact]
    public void FunctionPointerTypedef_AndStructTypedef()
    {
        HeaderReadResult result = TestHeaders.Read("""
            struct thread;
            typedef int sy_call_t(struct thread *, void *);
            typedef sy_call_t *sy_call_ptr;
            typedef struct sysent { int sy_narg; sy_call_t *sy_call; } sysent_t;
            """);

        HeaderFunctionType call = Assert.IsType<HeaderFunctionType>(result.FindTypedef("sy_call_t")!.UnderlyingType);
        Assert.Equal(2, call.Parameters.Length);
        HeaderPointerType pointer = Assert.IsType<HeaderPointerType>(result.FindTypedef("sy_call_ptr")!.UnderlyingType);
        Assert.True(pointer.IsFunctionPointer);
        Assert.Equal("sy_call_t", Assert.IsType<HeaderTypedefRefType>(pointer.Pointee).Name);
        Assert.Equal("int (*)(struct thread *, void *)", pointer.CanonicalSpelling);

        HeaderRecordRefType sysent = Assert.IsType<HeaderRecordRefType>(result.FindTypedef("sysent_t")!.UnderlyingType);
        Assert.Equal("sysent", sysent.Name);
        Assert.Same(result.FindRecord("sysent"), result.FindRecord("sysent_t"));
        Assert.Same(result.FindRecord("sysent"), result.FindRecord("struct sysent"));
    }
}
