"""Reglas puras de la ventanilla única: calendario hábil, términos, radicados, documentos,
solicitudes y eventos. Sin Qt, sin SQL, sin E/S."""
