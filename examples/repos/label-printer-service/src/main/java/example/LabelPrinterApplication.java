package example; public class LabelPrinterApplication { public static void main(String[] a) { System.out.println("label-printer up"); } }
