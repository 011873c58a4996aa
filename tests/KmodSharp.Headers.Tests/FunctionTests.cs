using System.Linq;
using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class FunctionTests
{
    [Fact]
    public void VariadicFunction_HasFixedParametersAndVariadicFlag()
    {
        HeaderReadResult result = TestHeaders.Read("int printf(const char *fmt, ...);");

        CFunction printf = Assert.Single(result.Functions);
        Assert.Equal("printf", printf.Name);
        Assert.True(printf.IsVariadic);
        Assert.Equal(CBuiltinKind.Int, Assert.IsType<CBuiltinType>(printf.ReturnType).Kind);
        CParameter fmt = Assert.Single(printf.Parameters);
        Assert.Equal("fmt", fmt.Name);
        CPointerType pointer = Assert.IsType<CPointerType>(fmt.Type);
        Assert.False(pointer.IsConst);
        Assert.True(pointer.Pointee.IsConst);
        Assert.Equal(CBuiltinKind.Char, Assert.IsType<CBuiltinType>(pointer.Pointee).Kind);
        Assert.Equal("const char *", fmt.Type.Spelling);
    }

    [Fact]
    public void PointerParameters_KeepConstRestrictAndTypedefs()
    {
        HeaderReadResult result = TestHeaders.Read("""
            typedef unsigned long size_t;
            void *memcpy(void *restrict dst, const void *restrict src, size_t len);
            """);

        CFunction memcpy = result.FindFunction("memcpy")!;
        Assert.False(memcpy.IsVariadic);
        Assert.Equal(["dst", "src", "len"], memcpy.Parameters.Select(p => p.Name));
        Assert.Equal(CQualifiers.Restrict, memcpy.Parameters[0].Type.Qualifiers);
        Assert.Equal(CBuiltinKind.Void, Assert.IsType<CBuiltinType>(((CPointerType)memcpy.Parameters[0].Type).Pointee).Kind);
        Assert.True(((CPointerType)memcpy.Parameters[1].Type).Pointee.IsConst);
        CTypedefRefType len = Assert.IsType<CTypedefRefType>(memcpy.Parameters[2].Type);
        Assert.Equal("size_t", len.Name);
        Assert.Equal("unsigned long", len.CanonicalSpelling);
        Assert.Equal(8, len.Size);
        Assert.IsType<CPointerType>(memcpy.ReturnType);
    }

    [Fact]
    public void FunctionPointerParameter_IsPointerToFunctionType()
    {
        HeaderReadResult result = TestHeaders.Read("int register_handler(int (*handler)(void *arg, long code, ...), void *arg);");

        CType handler = result.FindFunction("register_handler")!.Parameters[0].Type;
        Assert.True(Assert.IsType<CPointerType>(handler).IsFunctionPointer);
        CFunctionType function = Assert.IsType<CFunctionType>(((CPointerType)handler).Pointee);
        Assert.Equal(["void *", "long"], function.Parameters.Select(p => p.Spelling));
        Assert.True(function.IsVariadic);
        Assert.True(function.HasPrototype);
        Assert.Equal("int", function.ReturnType.Spelling);
        Assert.Null(function.Size);
        Assert.Equal(8, handler.Size);
    }

    [Fact]
    public void StorageClassInlineAndDefinition_AreRead()
    {
        HeaderReadResult result = TestHeaders.Read("""
            extern int ext(void);
            static int helper(int x);
            static inline int twice(int x) { return x * 2; }
            int plain(void);
            int plain(void);
            """);

        Assert.Equal(["ext", "helper", "twice", "plain"], result.Functions.Select(f => f.Name));
        Assert.Equal(CStorageClass.Extern, result.FindFunction("ext")!.Storage);
        Assert.Empty(result.FindFunction("ext")!.Parameters);
        Assert.Equal(CStorageClass.Static, result.FindFunction("helper")!.Storage);
        CFunction twice = result.FindFunction("twice")!;
        Assert.True(twice.IsInline);
        Assert.True(twice.IsDefinition);
        Assert.False(result.FindFunction("helper")!.IsDefinition);
        Assert.Equal(CStorageClass.None, result.FindFunction("plain")!.Storage);
        Assert.Equal(new CSourceLocation("/virtual/test.h", 4, 5), result.FindFunction("plain")!.Location);
    }

    [Fact]
    public void ArrayAndStructParameters_KeepTheirTypes()
    {
        HeaderReadResult result = TestHeaders.Read("""
            struct thread;
            struct args { int fd; };
            int sys_call(struct thread *td, struct args *uap);
            int sum(const int values[], unsigned count);
            """);

        CFunction call = result.FindFunction("sys_call")!;
        CRecordRefType thread = Assert.IsType<CRecordRefType>(Assert.IsType<CPointerType>(call.Parameters[0].Type).Pointee);
        Assert.Equal("thread", thread.Name);
        Assert.Equal(CRecordKind.Struct, thread.Kind);
        Assert.Null(thread.Size);
        Assert.Equal("int", call.ReturnType.Spelling);

        // The parameter keeps its declared array type; C passes it as a pointer all the same.
        CArrayType values = Assert.IsType<CArrayType>(result.FindFunction("sum")!.Parameters[0].Type);
        Assert.Null(values.Length);
        Assert.True(values.Element.IsConst);
    }
}
